import { Text } from '@tarojs/components'

/** A field's problem, under the field, in plain words. */
export function FieldError({ message }: { message?: string }) {
  if (!message) return null
  return <Text className="field-error">{message}</Text>
}
