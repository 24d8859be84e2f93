// Deduplication of text in scripts other than Latin, including scripts written without spaces.
import { describe, expect, it } from 'vitest'
import type { InputRecord } from '../types.js'
import { dedupCorpus } from './dedup-corpus.js'

async function clusters(texts: Record<string, string>): Promise<Record<string, string>> {
  async function* input(): AsyncGenerator<InputRecord> {
    for (const [id, text] of Object.entries(texts))
      yield { kind: 'document', id, text, source: 'test' }
  }
  const run = await dedupCorpus(input(), { clean: false })
  return Object.fromEntries(run.records.map((record) => [record.id, record.cluster]))
}

const CHINESE =
  '港口管理委员会周四宣布，从六月起开通前往外岛的夜间渡轮。试运行为期十八个月，每晚增加两班。议员表示，许多在大陆上夜班的岛民一直睡在车里。'
const CHINESE_EDITED = CHINESE.replace('十八个月', '一年半').replace('议员表示', '议员说')
const CHINESE_OTHER =
  '市图书馆将从四月起在周日开放，时间为上午十点至下午四点。调查显示，大多数读者希望周末也能借书和自习。馆长说这项改变不需要增加预算。'

const RUSSIAN =
  'Совет порта в четверг одобрил ночной паром на внешние острова с июня. Испытательный срок продлится восемнадцать месяцев, паром будет совершать два дополнительных рейса каждый вечер.'
const ARABIC =
  'وافق مجلس الميناء يوم الخميس على تشغيل عبارة ليلية إلى الجزر الخارجية اعتبارا من يونيو. وستستمر التجربة ثمانية عشر شهرا مع رحلتين إضافيتين كل مساء.'

describe('deduplication across scripts', () => {
  it('clusters an edited Chinese copy (character shingles) and keeps another article apart', async () => {
    const result = await clusters({ a: CHINESE, b: CHINESE_EDITED, c: CHINESE_OTHER })
    expect(result['b']).toBe('a')
    expect(result['c']).toBe('c')
  })

  it('clusters Cyrillic and Arabic copies that differ in typography and case', async () => {
    const result = await clusters({
      ru: RUSSIAN,
      ruCopy: RUSSIAN.toUpperCase().replace('восемнадцать', 'ВОСЕМНАДЦАТЬ'),
      ar: ARABIC,
      arCopy: `\u200F${ARABIC.replace('يونيو', 'يونيو\u00A0')}`,
    })
    expect(result['ruCopy']).toBe('ru')
    expect(result['arCopy']).toBe('ar')
    expect(result['ar']).not.toBe('ru')
  })
})
