/** Work that runs after the request: a pg-boss job in the server, in this process without a queue. */
export type DeliveryTask = { kind: 'controleren' | 'verwerken' | 'uitnodigen' | 'terugmelding'; deliveryId: string; confirmed?: boolean; by?: string };
