import { Text, View } from '@tarojs/components'

/** A labelled list of what a step will do (erase, keep, withdraw); nothing when there is nothing. */
export const PlanLines = ({ title, lines, className }: { title: string; lines: string[]; className: string }) =>
  lines.length === 0 ? null : (
    <View className={className}>
      <Text className="field-label">{title}</Text>
      {lines.map((line) => (
        <Text key={line} className="plan-line">
          · {line}
        </Text>
      ))}
    </View>
  )
