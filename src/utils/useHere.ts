import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { locate, type Here } from './location'

/** Where the worker is, for a list nearest first: asked when the page opens, and again on a pull-down. */
export function useHere(): Here | null {
  const [here, setHere] = useState<Here | null>(null)
  useEffect(() => {
    locate().then(setHere)
  }, [])
  usePullDownRefresh(async () => {
    setHere(await locate())
    Taro.stopPullDownRefresh()
  })
  return here
}
