import type { OpenService } from '../../../types/services'
import type { FiguresPart } from '../../core/figures'
import { aidFiguresPart } from '../aid/figures'
import { childcareFiguresPart } from '../childcare/figures'
import { jobsFiguresPart } from '../jobs/figures'
import { legalFiguresPart } from '../legal/figures'
import { medicalFiguresPart } from '../medical/figures'
import { stationsFiguresPart } from '../stations/figures'

/** Every open service's part in the figures, in the manifest's order: a service without one does not compile. */
export const FIGURES_PARTS = {
  stations: stationsFiguresPart,
  childcare: childcareFiguresPart,
  aid: aidFiguresPart,
  medical: medicalFiguresPart,
  legal: legalFiguresPart,
  jobs: jobsFiguresPart,
} satisfies Record<OpenService, FiguresPart>
