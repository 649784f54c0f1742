import { Text } from '@tarojs/components'
import { useEffect, useState } from 'react'

function remaining(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(s / 86400)
  const hours = Math.floor((s % 86400) / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = s % 60
  return `${days > 0 ? `${days}天` : ''}${hours}小时${minutes}分${seconds}秒`
}

/** "距开始报名还有 2天3小时…", ticking each second; calls `onReached` when the moment comes. */
export function Countdown({ to, prefix, onReached }: { to: number; prefix: string; onReached?: () => void }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= to) {
        clearInterval(timer)
        onReached?.()
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [to, onReached])
  return (
    <Text className="countdown">
      {prefix}
      {remaining(to - now)}
    </Text>
  )
}
