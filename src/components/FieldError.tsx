import { Text } from '@tarojs/components'
import { useState } from 'react'

interface Props {
  message?: string
  /**
   * The field's value as the worker has it now. Given, the problem is shown only while the value is
   * the one it was said about: it goes as soon as the worker changes the field.
   */
  value?: unknown
}

const keyOf = (value: unknown) => JSON.stringify(value ?? null)

/** A field's problem, under the field, in plain words, until the worker changes that field. */
export function FieldError(props: Props) {
  const { message } = props
  const watching = Object.hasOwn(props, 'value')
  const key = watching ? keyOf(props.value) : ''
  // The value the message was about: taken when the message arrives (React's "state from the
  // previous render" pattern), compared on every render after.
  const [said, setSaid] = useState({ message, key })
  const fresh = said.message !== message
  if (fresh) setSaid({ message, key })
  if (!message || (!fresh && said.key !== key)) return null
  return <Text className="field-error">{message}</Text>
}
