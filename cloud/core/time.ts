import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { SHANGHAI_OFFSET_MIN } from '../domain/stations/hours'

dayjs.extend(utc)

/** A moment as Wenzhou reads it: `formatShanghai(ms, 'M月D日 HH:mm')`. */
export const formatShanghai = (ms: number, pattern: string) => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MIN).format(pattern)
