// The y-websocket wire protocol: each frame starts with one of these, then the y-protocols payload.
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
