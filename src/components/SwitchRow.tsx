import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'

interface Props {
  label: string
  checked: boolean
  onChange(checked: boolean): void
  /** On the switch: what tests and pages tap. */
  className?: string
}

/**
 * A NutUI switch with its words: tapping the words flips it too (a small switch is hard to hit at
 * a red light), and it is announced as a switch with its words and state.
 */
export function SwitchRow({ label, checked, onChange, className = '' }: Props) {
  return (
    <View className="row switch-row">
      <Text className="switch-label" onClick={() => onChange(!checked)}>
        {label}
      </Text>
      <Switch className={className} checked={checked} onChange={onChange} ariaLabel={label} />
    </View>
  )
}
