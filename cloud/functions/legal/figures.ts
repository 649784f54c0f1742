import { figuresPart } from '../../core/figures'
import { LEGAL_FIGURES } from '../../domain/figures/legal'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const legalFiguresPart = figuresPart(LEGAL_FIGURES)
