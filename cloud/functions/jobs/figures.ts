import { figuresPart } from '../../core/figures'
import { JOBS_FIGURES } from '../../domain/figures/jobs'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const jobsFiguresPart = figuresPart(JOBS_FIGURES)
