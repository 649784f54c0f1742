import { aggregateCommand } from './aggregate'
import type { Command, GeoNearOptions, GeoPoint, Operator, Query } from './types'

/** The operators of the local driver: plain descriptions that the SQL compiler reads. */
export class Op implements Operator {
  constructor(
    readonly kind: string,
    readonly arg: unknown,
  ) {}
  and(other: Operator): Operator {
    return new Op('and', [this, other])
  }
  or(other: Operator): Operator {
    return new Op('or', [this, other])
  }
}

type Conditions = [ReadonlyArray<Operator | Query>] | Array<Operator | Query>
const flat = (conditions: Conditions) =>
  conditions.length === 1 && Array.isArray(conditions[0]) ? (conditions[0] as Array<Operator | Query>) : conditions

export const command: Command = {
  eq: (value) => new Op('eq', value),
  neq: (value) => new Op('neq', value),
  gt: (value) => new Op('gt', value),
  gte: (value) => new Op('gte', value),
  lt: (value) => new Op('lt', value),
  lte: (value) => new Op('lte', value),
  in: (values) => new Op('in', values),
  nin: (values) => new Op('nin', values),
  exists: (present) => new Op('exists', present),
  all: (values) => new Op('all', values),
  and: (...conditions: Conditions) => new Op('and', flat(conditions)),
  or: (...conditions: Conditions) => new Op('or', flat(conditions)),
  geoNear: (options: GeoNearOptions) => new Op('geoNear', options),
  inc: (by) => new Op('inc', by),
  push: (...values) => new Op('push', values.length === 1 && Array.isArray(values[0]) ? values[0] : values),
  set: (value) => new Op('set', value),
  remove: () => new Op('remove', undefined),
  aggregate: aggregateCommand,
}

export const Geo = {
  Point(longitude: number, latitude: number): GeoPoint {
    return { type: 'Point', coordinates: [longitude, latitude] }
  },
}
