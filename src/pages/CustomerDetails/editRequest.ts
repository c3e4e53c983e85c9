import { createContext, useContext } from 'react';

/** A request, from elsewhere on the page, to open a record's edit form: "orders". */
export interface EditRequest {
  record: string;
  /** Counts requests, so asking again for the same record opens it again. */
  seq: number;
}

interface EditRequests {
  request: EditRequest | null;
  open: (record: string) => void;
}

/**
 * Lets a message point the user to a form of another section ("Edit
 * orders" from a refused approval), without the sections knowing each other.
 */
export const EditRequestContext = createContext<EditRequests>({
  request: null,
  open: () => {},
});

export const useEditRequests = () => useContext(EditRequestContext);
