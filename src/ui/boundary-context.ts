import { createContext, useContext } from 'react';
import type { BoundarySet } from '@/storage/boundary-record';

/** The saved boundary sets (maps of districts), for the views that draw maps. */
export const BoundaryContext = createContext<readonly BoundarySet[]>([]);

export function useBoundarySets(): readonly BoundarySet[] {
  return useContext(BoundaryContext);
}
