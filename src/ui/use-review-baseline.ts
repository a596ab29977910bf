import { useEffect, useMemo, useState } from 'react';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { Dashboard } from '@/model/dashboard-model';
import { useHeadlines } from './headline-context';
import { type ReviewLoadResult, type ReviewOption, type ReviewSettings, reviewKey, useReview } from './review-context';
import { dashboardSoon } from './use-dashboard';

/** The data of the last review, as a view sees it. */
export type ReviewBaseline =
  | { readonly kind: 'none' }
  | { readonly kind: 'busy'; readonly option: ReviewOption }
  | { readonly kind: 'error'; readonly option: ReviewOption; readonly message: string }
  | { readonly kind: 'ready'; readonly option: ReviewOption; readonly before: Dashboard };

/**
 * What each `load` of the context has read, by option key: going from the overview to the report does
 * not read the same version again. A new `load` (the datasets in use changed) starts afresh.
 */
const reads = new WeakMap<ReviewSettings['load'], Map<string, Promise<ReviewLoadResult>>>();

function readOnce(load: ReviewSettings['load'], option: ReviewOption): Promise<ReviewLoadResult> {
  let byKey = reads.get(load);
  if (byKey === undefined) reads.set(load, (byKey = new Map()));
  const key = reviewKey(option);
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const read = load(option).catch((e: unknown): ReviewLoadResult => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  byKey.set(key, read);
  // A failed read is tried again next time (the storage may have been busy).
  void read.then((r) => {
    if (!r.ok) byKey.delete(key);
  });
  return read;
}

/**
 * The last review chosen (`chosen`, a `reviewKey` kept in the URL): its data read through the context's
 * `load`, computed with the registry, method and headline series the views use now (so a status that
 * changed is a change in the data, never of the method). A key that matches no option is no review.
 */
export function useReviewBaseline(chosen: string | undefined, registry: Registry, method: ProgressMethod): ReviewBaseline {
  const { options, load } = useReview();
  const headlines = useHeadlines();
  const option = useMemo(() => (chosen === undefined ? undefined : options.find((o) => reviewKey(o) === chosen)), [options, chosen]);
  const [read, setRead] = useState<{ readonly option: ReviewOption; readonly result: ReviewLoadResult } | null>(null);
  useEffect(() => {
    if (option === undefined) return;
    let live = true;
    void readOnce(load, option).then((result) => {
      if (live) setRead({ option, result });
    });
    return () => {
      live = false;
    };
  }, [option, load]);
  const current = read !== null && read.option === option ? read.result : undefined;
  // Built at once when small; a big one in slices (the panel says "busy" meanwhile, the page answers).
  const soon = useMemo(() => (current?.ok === true ? dashboardSoon(current.tables, registry, method, headlines) : undefined), [current, registry, method, headlines]);
  const [built, setBuilt] = useState<{ readonly soon: object; readonly before?: Dashboard; readonly error?: string } | null>(null);
  useEffect(() => {
    if (soon === undefined || soon.now !== undefined) return;
    let live = true;
    soon.later.then(
      (before) => {
        if (live) setBuilt({ soon, before });
      },
      (e: unknown) => {
        if (live) setBuilt({ soon, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [soon]);
  const mine = built !== null && built.soon === soon ? built : undefined;
  const before = soon === undefined ? undefined : (soon.now ?? mine?.before);
  if (option === undefined) return { kind: 'none' };
  if (current === undefined) return { kind: 'busy', option };
  if (!current.ok) return { kind: 'error', option, message: current.message };
  if (mine?.error !== undefined) return { kind: 'error', option, message: mine.error };
  return before === undefined ? { kind: 'busy', option } : { kind: 'ready', option, before };
}
