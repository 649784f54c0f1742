import { figuresPart } from '../../core/figures'
import { CHILDCARE_FIGURES } from '../../domain/figures/childcare'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const childcareFiguresPart = figuresPart(CHILDCARE_FIGURES)
