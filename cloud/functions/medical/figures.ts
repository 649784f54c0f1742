import { figuresPart } from '../../core/figures'
import { MEDICAL_FIGURES } from '../../domain/figures/medical'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const medicalFiguresPart = figuresPart(MEDICAL_FIGURES)
