import { createContext, useContext } from "react";

// The CSP nonce exists only while rendering on the server; the browser never needs it again.
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
