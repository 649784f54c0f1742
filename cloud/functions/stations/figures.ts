import { figuresPart } from '../../core/figures'
import { STATIONS_FIGURES } from '../../domain/figures/stations'

/** This service's part in the union's figures (数据看板): its definitions, counted by the shared aggregations. */
export const stationsFiguresPart = figuresPart(STATIONS_FIGURES)
