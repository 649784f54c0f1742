import { useEffect } from 'react'
import { create } from 'zustand'
import { POLICIES, type PolicyKey, type PolicySummary } from '@/types/policies'
import { api } from '../api'

interface PoliciesState {
  /** The policies in force, by key, once the server has said. */
  inForce: Partial<Record<PolicyKey, PolicySummary>>
  loading: boolean
  /** Asks the server (again, when `fresh`: a form was told a policy has a new version). */
  load(fresh?: boolean): Promise<void>
}

/**
 * The policies in force — versions and titles, not texts — as the server has them: asked once per
 * run of the app, and again when a consent was refused because a policy has a new version.
 */
export const usePolicies = create<PoliciesState>()((set, get) => ({
  inForce: {},
  loading: false,
  async load(fresh = false) {
    if (get().loading || (!fresh && Object.keys(get().inForce).length > 0)) return
    set({ loading: true })
    try {
      const { items } = await api.users.policies({})
      set({ inForce: Object.fromEntries(items.map((p) => [p.key, p])) })
    } catch {
      // The titles shipped with the app stand in; the next consent line asks again.
    } finally {
      set({ loading: false })
    }
  },
}))

/** A policy in force: its title at once (shipped with the app), its version once the server said. */
export function usePolicy(key: PolicyKey): { title: string; version?: string; draft: boolean } {
  const known = usePolicies((s) => s.inForce[key])
  useEffect(() => {
    void usePolicies.getState().load()
  }, [])
  return { title: known?.title ?? POLICIES[key].title, version: known?.version, draft: known?.draft ?? true }
}

/** The version in force of a policy, asking the server first when it has not said yet ('' if it cannot be had). */
export async function versionInForce(key: PolicyKey): Promise<string> {
  await usePolicies.getState().load()
  return usePolicies.getState().inForce[key]?.version ?? ''
}
