import { figuresPart } from '../../core/figures'
import { AID_FIGURES } from '../../domain/figures/aid'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const aidFiguresPart = figuresPart(AID_FIGURES)
