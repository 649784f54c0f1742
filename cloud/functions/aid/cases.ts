import { caseUrl } from '../../../types/services'
import { MATERIAL_NAMES, RELATION_NAMES, type Material, type Relation } from '../../../types/aid'
import { APPLICANT_REVEALABLE, applicantRows, type Applicant } from '../../core/cases/open'
import type { CaseServiceSpec } from '../../core/cases/workflow'
import type { CaseRecord } from '../../core/cases/record'
import { invalid } from '../../core/errors'
import { TIER_NAMES, type Tier } from '../../domain/aid/tier'
import { maskBankAccount, maskName } from '../../domain/identity/mask'
import { formatYuan } from '../../domain/money'

/** The plain particulars of an aid application. */
export interface AidDetails {
  programme: string
  householdSize: number
  annualIncomeFen: number
  unavoidableSpendingFen: number
  suddenEventCostFen?: number
  monthsWorkedInCity?: number
  tiers: Tier[]
  /** The tier the help is given under (`tierOfHelp`); kept once the owner closed the account, for the figures. */
  tier?: Tier | 'none'
  perCapitaMonthlyFen: number
  assessment: string
}

/** What is sealed: the household, what happened to them, where to pay. */
export interface AidSealed {
  applicant: Applicant
  members: Array<{ name: string; relation: Relation; age: number }>
  story: string
  bankAccount?: { bankName: string; accountNo: string }
}

const yuan = formatYuan

export const aidCaseSpec: CaseServiceSpec<AidSealed> = {
  service: 'aid',
  // The programme and the tier the help was given under: the union's figures of past years count by them.
  keptOnClosing: (record) => ({ kind: record.kind, tier: (record.details as unknown as AidDetails).tier }),
  caseLink: (caseId) => caseUrl('aid', caseId),
  materialName: (key) => MATERIAL_NAMES[key as Material] ?? key,

  rows(record, sealed, forDesk) {
    const d = record.details as unknown as AidDetails
    const rows = [
      ...applicantRows(record, sealed.applicant, forDesk),
      { label: '家庭人口', value: `${d.householdSize} 人` },
      ...sealed.members.map((m) => ({ label: RELATION_NAMES[m.relation], value: `${forDesk ? maskName(m.name) : m.name}，${m.age}岁` })),
      { label: '家庭年收入', value: yuan(d.annualIncomeFen) },
      { label: '刚性支出（年）', value: yuan(d.unavoidableSpendingFen) },
      ...(d.suddenEventCostFen ? [{ label: '突发事件支出', value: yuan(d.suddenEventCostFen) }] : []),
      ...(d.monthsWorkedInCity !== undefined ? [{ label: '在本市工作', value: `${d.monthsWorkedInCity} 个月` }] : []),
      { label: '困难类别', value: d.tiers.length ? d.tiers.map((t) => TIER_NAMES[t]).join('、') : '不核对收入' },
      { label: '核算', value: d.assessment },
      { label: '遇到的困难', value: sealed.story },
    ]
    if (sealed.bankAccount) {
      rows.push({
        label: '收款账户',
        value: `${sealed.bankAccount.bankName} ${maskBankAccount(sealed.bankAccount.accountNo)}`,
        revealable: forDesk ? 'bankAccount' : undefined,
      })
    }
    return rows
  },

  revealable: {
    ...APPLICANT_REVEALABLE,
    bankAccount: { label: '收款账户', value: (_r, s) => (s.bankAccount ? `${s.bankAccount.bankName} ${s.bankAccount.accountNo}` : '未填写') },
  },

  async approveInTransaction(_ctx, _step, record: CaseRecord, { amountFen }) {
    if (record.maxFen !== undefined && amountFen > record.maxFen) {
      throw invalid({ amountFen: `这个项目最多批准 ${yuan(record.maxFen)}` })
    }
  },
}
