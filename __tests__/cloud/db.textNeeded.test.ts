import { escapeRegExp } from '../../cloud/domain/jobs/keywords'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { MemoryIndexes } from '../../cloud/db/sqlite/memoryIndexes'
import { textNeeded } from '../../cloud/db/sqlite/regexp'

/**
 * Making a keyword's tree first keeps the documents whose JSON text holds the keyword (`instr`),
 * then tries the expressions: only where that is sure to lose nothing.
 */
describe('sqlite driver: the text a keyword needs', () => {
  const db = new SqliteDb({ filename: ':memory:', indexes: [] })
  afterAll(() => db.close())
  const re = (regexp: string, options = 'i') => db.RegExp({ regexp, options })
  const _ = db.command

  it('is the literal text of an expression made of plain and escaped characters', () => {
    expect(textNeeded({ title: re('普工') })).toEqual({ sql: 'instr(doc, ?) > 0', params: ['普工'] })
    expect(textNeeded({ title: re(escapeRegExp('电工(高级).')) })).toEqual({ sql: 'instr(doc, ?) > 0', params: ['电工(高级).'] })
    expect(textNeeded({ title: re('a-b/c\\/d', '') })?.params).toEqual(['a-b/c/d'])
    // Without `i`, letters are found as they are.
    expect(textNeeded({ title: re('Pu Gong', 'm') })?.params).toEqual(['Pu Gong'])
  })

  it('is nothing for an expression that matches other texts too', () => {
    for (const pattern of ['普.', '^普工', '普工|司机', '\\d+', '普\\s工', '[普]', '普工?', '\\']) expect(textNeeded({ title: re(pattern) })).toBeNull()
    // Under `i` a letter has other spellings (k: the Kelvin sign K), so letters say nothing.
    expect(textNeeded({ title: re('k') })).toBeNull()
    expect(textNeeded({ title: re('Ärzte') })).toBeNull()
    // A quote, a backslash or a control character is escaped in JSON text; a lone surrogate SQLite reads otherwise.
    for (const text of ['"引号"', '反\\斜', '换\n行', '夜班\uD800', '\uFFFD']) expect(textNeeded({ title: re(escapeRegExp(text)) })).toBeNull()
  })

  it('combines: one text for the same word in several fields, every text of all, nothing when one alternative says nothing', () => {
    const word = re('普工')
    expect(textNeeded(_.or([{ title: word }, { employerName: word }, { requirements: word }]))).toEqual({ sql: 'instr(doc, ?) > 0', params: ['普工'] })
    expect(textNeeded(_.or([{ title: re('普工') }, { title: re('司机') }]))).toEqual({ sql: '(instr(doc, ?) > 0) OR (instr(doc, ?) > 0)', params: ['普工', '司机'] })
    expect(textNeeded(_.or([{ title: re('普工') }, { title: re('k') }]))).toBeNull()
    expect(textNeeded(_.and([{ title: re('普工') }, { title: re('k') }]))).toEqual({ sql: 'instr(doc, ?) > 0', params: ['普工'] })
    expect(textNeeded({ title: re('普工'), requirements: re('夜班') })?.params).toEqual(['普工', '夜班'])
    expect(textNeeded({ title: 'x' })).toBeNull()
    // `_id` is a column, which may hold what the text writes otherwise (1e21 is 1.0e+21 there).
    expect(textNeeded({ _id: re('1\\.0e') })).toBeNull()
    expect(textNeeded({ _id: re('1'), title: re('普工') })?.params).toEqual(['普工'])
  })
})

describe('sqlite driver: keyword trees made through the text they need find what the expressions find', () => {
  // Titles where a text that misses the keyword still matches it, and ones that hold it only escaped in JSON.
  const TITLES = ['电工(高级)', '电工（高级）', '\u212Aitchen help', 'kitchen help', '"引号"岗位', '反\\斜', '普工', '普工 夜班', '夜班']
  let db: SqliteDb
  beforeEach(async () => {
    db = new SqliteDb({ filename: ':memory:', indexes: [{ collection: 'jobs', name: 'geo', fields: [{ path: 'location', geo: true }] }] })
    for (let i = 0; i < 200; i++) {
      const location = db.Geo.Point(120.6 + (i % 10) * 0.001, 28 + Math.floor(i / 10) * 0.001)
      await db.collection('jobs').add({ data: { _id: `j${i}`, title: TITLES[i % TITLES.length], requirements: i % 29 === 0 ? ['会电工(高级)'] : '无', location } })
    }
  })
  afterEach(() => db.close())

  const search = async (regexp: string, narrowable: boolean) => {
    const _ = db.command
    const word = db.RegExp({ regexp, options: 'i' })
    const keyword = _.or([{ title: word }, { requirements: word }])
    const { data } = await db
      .collection('jobs')
      .where({ location: _.geoNear({ geometry: db.Geo.Point(120.6, 28) }) })
      .where(narrowable ? keyword : _.and([keyword, { location: _.exists(true) }]))
      .limit(200)
      .get()
    return data.map((d) => d._id)
  }

  it.each(['电工(高级)', 'kitchen', '"引号"', '反\\斜', '普工', '夜班', '（高级）'])('%s', async (text) => {
    const narrowed = jest.spyOn(MemoryIndexes.prototype, 'narrowedTree')
    try {
      const pattern = escapeRegExp(text)
      const whole = await search(pattern, false)
      expect(whole.length).toBeGreaterThan(0)
      for (let round = 0; round < 3; round++) expect(await search(pattern, true)).toEqual(whole)
      // The second search made its tree (each text is in at most a quarter of the jobs).
      expect(narrowed.mock.results.at(-1)?.value).not.toBeNull()
    } finally {
      narrowed.mockRestore()
    }
  })
})
