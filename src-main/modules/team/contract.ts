/**
 * Team mode (ARCHITECTURE « Team mode »): the paired workstations of the host, pairing codes,
 * revocation. Administrators only.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';

const nothing = z.strictObject({});
const workstationOut = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  pairedAt: z.string(),
  pairedBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  lastSeen: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
});

export const teamContract = {
  'team:status': channel({
    input: nothing,
    output: z.object({
      hosting: z.boolean(),
      /** Whether this process can turn hosting on or off (the desktop app, `passeur serve`). */
      canHost: z.boolean(),
      setting: z.object({ address: z.string(), port: z.number().int() }).nullable(),
      address: z.string().nullable(),
      fingerprint: z.string().nullable(),
      pairing: z.object({ expiresAt: z.string(), address: z.string() }).nullable(),
      workstations: z.array(workstationOut),
    }),
    access: ['admin'],
  }),
  'team:createPairingCode': channel({
    input: nothing,
    output: z.object({ code: z.string(), expiresAt: z.string(), address: z.string(), fingerprint: z.string() }),
    access: ['admin'],
  }),
  'team:setHosting': channel({
    input: z.strictObject({
      enabled: z.boolean(),
      address: z.union([z.ipv4({ message: 'Adresse : une adresse IP de ce poste sur le réseau du site, par exemple 192.168.1.20.' }), z.ipv6({ message: 'Adresse : une adresse IP de ce poste sur le réseau du site, par exemple 192.168.1.20.' })]),
      port: z.number({ message: 'Port : un nombre entre 1024 et 65535.' }).int({ message: 'Port : un nombre entier.' }).min(1024, { message: 'Port : 1024 au moins.' }).max(65535, { message: 'Port : 65535 au plus.' }),
    }),
    output: z.object({ hosting: z.boolean() }),
    access: ['admin'],
  }),
  'team:revoke': channel({
    input: z.strictObject({ id: z.string().trim().min(1, { message: 'Poste : à choisir dans la liste.' }).max(40) }),
    output: workstationOut,
    access: ['admin'],
  }),
} satisfies Record<string, ChannelSpec>;

export type TeamContract = typeof teamContract;
export type TeamHandlers = HandlersOf<TeamContract>;
export type TeamStatus = z.output<TeamContract['team:status']['output']>;
export type TeamWorkstation = z.output<typeof workstationOut>;
