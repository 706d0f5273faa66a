'use client';
import { createContext, useContext } from 'react';

// Who is looking at the account page: the signed-in user's id, so the annotation lists can offer
// edit and delete on the viewer's own annotations. Only a convenience for the controls: the API
// answers 404 to an edit of someone else's annotation whatever the page shows.
const ViewerContext = createContext<string | null>(null);

export function ViewerProvider({ id, children }: { id: string; children: React.ReactNode }) {
  return <ViewerContext.Provider value={id}>{children}</ViewerContext.Provider>;
}

export const useViewerId = () => useContext(ViewerContext);
