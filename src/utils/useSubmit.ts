import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { FieldErrors } from '@/types/envelope'
import { ApiError } from '../api'
import { newRequestId } from './requestId'

/** Where every error becomes UI: a toast, and the named form fields. */
export function showError(error: unknown) {
  const message = error instanceof ApiError ? error.message : '系统开小差了，请稍后再试'
  Taro.showToast({ title: message, icon: 'none', duration: 2500 })
}

/**
 * One user intent: the same `requestId` for every retry of it (double taps, a dropped network),
 * a fresh one once it has succeeded. Field problems from the server land in `fieldErrors`.
 */
export function useSubmit() {
  const intent = useRef(newRequestId())
  const running = useRef(false)
  const [busy, setBusy] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})

  async function submit<T>(work: (requestId: string) => Promise<T>): Promise<T | undefined> {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setFieldErrors({})
    try {
      const result = await work(intent.current)
      intent.current = newRequestId()
      return result
    } catch (error) {
      if (error instanceof ApiError && error.fields) setFieldErrors(error.fields)
      showError(error)
      return undefined
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  return { submit, busy, fieldErrors, setFieldErrors }
}
