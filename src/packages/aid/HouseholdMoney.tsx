import { Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { FieldErrors } from '@/types/envelope'
import { FieldError } from '../../components/FieldError'
import { SwitchRow } from '../../components/SwitchRow'
import { yuanToFen } from '../../utils/money'

/** A household's money as the worker types it: yuan, and months in the city for a migrant worker. */
export interface HouseholdMoneyForm {
  income: string
  spending: string
  sudden: string
  migrant: boolean
  months: string
}

/** The form's words as the contract's numbers (fen); blanks the rules allow become 0 or absent. */
export const householdMoneyInput = (f: HouseholdMoneyForm) => ({
  annualIncomeFen: yuanToFen(f.income),
  unavoidableSpendingFen: f.spending.trim() === '' ? 0 : yuanToFen(f.spending),
  suddenEventCostFen: f.sudden.trim() === '' ? undefined : yuanToFen(f.sudden),
  monthsWorkedInCity: f.migrant ? Number(f.months) : undefined,
})

/** The same fields in the self-check and the application, so both ask in the same words. */
export function HouseholdMoney({ value, onChange, errors }: { value: HouseholdMoneyForm; onChange(change: Partial<HouseholdMoneyForm>): void; errors: FieldErrors }) {
  return (
    <>
      <Text className="field-label">家庭全年收入（元，扣税后）</Text>
      <Input className="field-income" type="digit" value={value.income} onChange={(income) => onChange({ income })} placeholder="如：48000" />
      <FieldError message={errors.annualIncomeFen} value={value.income} />
      <Text className="field-label">全年必需支出（元，如医疗、房租，没有填0）</Text>
      <Input className="field-spending" type="digit" value={value.spending} onChange={(spending) => onChange({ spending })} placeholder="如：12000" />
      <FieldError message={errors.unavoidableSpendingFen} value={value.spending} />
      <Text className="field-label">今年突发事件花费（元，事故、灾害、大病，没有可不填）</Text>
      <Input className="field-sudden" type="digit" value={value.sudden} onChange={(sudden) => onChange({ sudden })} placeholder="没有可不填" />
      <FieldError message={errors.suddenEventCostFen} value={value.sudden} />
      <SwitchRow className="field-migrant" label="我是外来务工人员" checked={value.migrant} onChange={(migrant) => onChange({ migrant })} />
      {value.migrant && (
        <>
          <Text className="field-label">在本市工作了几个月</Text>
          <Input className="field-months" type="number" value={value.months} onChange={(months) => onChange({ months })} placeholder="如：18" />
          <FieldError message={errors.monthsWorkedInCity} value={value.months} />
        </>
      )}
    </>
  )
}
