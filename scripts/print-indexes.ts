/** `npm run indexes`: the indexes to create in the CloudBase console, one collection at a time. */
import { INDEXES } from '../cloud/db/indexes'

const byCollection = new Map<string, typeof INDEXES>()
for (const spec of INDEXES) byCollection.set(spec.collection, [...(byCollection.get(spec.collection) ?? []), spec])
for (const [collection, specs] of byCollection) {
  console.log(`\n${collection}`)
  for (const spec of specs) {
    const fields = spec.fields
      .map((f) => `${f.path} ${f.geo ? '(地理位置 2dsphere)' : f.direction === 'desc' ? '降序' : '升序'}`)
      .join(', ')
    console.log(`  ${spec.name}: ${fields}${spec.unique ? '  [唯一 unique]' : ''}`)
  }
}
