/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { RequestContext } from "../server/context";

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface AppLoadContext extends RequestContext {}
}
