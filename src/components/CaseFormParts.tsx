import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { MAX_FILES_PER_CASE } from '@/types/cases'
import type { FieldErrors } from '@/types/envelope'
import type { Service } from '@/types/roles'
import { FieldError } from './FieldError'
import { MaterialUploader } from './MaterialUploader'

export interface AttachedFile {
  fileId: string
  material: string
  src: string
}

/** The first field problem of the attachments, wherever the server put it. */
export const attachmentsError = (errors: FieldErrors) => errors.attachments ?? Object.entries(errors).find(([k]) => k.startsWith('attachments.'))?.[1]

/** `files` with one checklist item's files replaced by `kept`. */
export const replaceMaterial = (files: AttachedFile[], material: string, kept: AttachedFile[]) => [...files.filter((f) => f.material !== material), ...kept]

/** The payload's attachments: which checklist item each uploaded file is. */
export const attachmentsInput = (files: AttachedFile[]) => files.map(({ fileId, material }) => ({ fileId, material }))

/**
 * A materials checklist with an uploader per item, within the case's file limit (`already` files
 * are on the case before these).
 */
export function ChecklistUploads(props: {
  service: Service
  materials: Array<{ key: string; name: string }>
  files: AttachedFile[]
  already?: number
  errors: FieldErrors
  /** One item's files changed; merge with `replaceMaterial` on the latest state (uploads overlap). */
  onChange(material: string, kept: AttachedFile[]): void
}) {
  const { service, materials, files, already = 0, errors, onChange } = props
  return (
    <>
      {materials.map((m) => (
        <MaterialUploader
          key={m.key}
          service={service}
          material={m.key}
          title={m.name}
          files={files.filter((f) => f.material === m.key)}
          room={MAX_FILES_PER_CASE - already - files.length}
          onChange={(kept) => onChange(m.key, kept.map((f) => ({ ...f, material: m.key })))}
        />
      ))}
      <FieldError message={attachmentsError(errors)} value={files.length} />
    </>
  )
}

/** The applicant's own bank card, where a payout goes. */
export function BankCardFields(props: { bankName: string; accountNo: string; errors: FieldErrors; onChange(change: { bankName?: string; accountNo?: string }): void }) {
  const { bankName, accountNo, errors, onChange } = props
  return (
    <View className="section">
      <Text className="section-title">收款银行卡（本人）</Text>
      <Text className="field-label">开户银行</Text>
      <Input className="field-bankName" value={bankName} onChange={(v) => onChange({ bankName: v })} placeholder="如：温州银行" />
      <FieldError message={errors['bankAccount.bankName']} value={bankName} />
      <Text className="field-label">银行卡号</Text>
      <Input className="field-accountNo" type="number" value={accountNo} onChange={(v) => onChange({ accountNo: v })} placeholder="12到19位数字" maxLength={23} />
      <FieldError message={errors['bankAccount.accountNo']} value={accountNo} />
    </View>
  )
}

/** The bank card as the payload wants it: the number without the spaces people type. */
export const bankAccountInput = (bankName: string, accountNo: string) => ({ bankName, accountNo: accountNo.replace(/\s/g, '') })
