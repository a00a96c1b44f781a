// Many codes answered from one device are flagged for the team, not refused: a helper may fill in
// the cards of elderly neighbours, or someone may have collected cards. The device is known only
// here, in memory, by a hash of its address and browser; the table gets a random group id on the
// flagged answers and nothing that leads back to the address.
import { createHash, randomUUID } from 'node:crypto';

export type DeviceWatchOptions = { threshold: number; windowMs: number; maxDevices?: number };
type Entry = { group: string; since: number; answers: { countyId: string; id: string }[]; flagged: number };

export class DeviceWatch {
  private readonly devices = new Map<string, Entry>();
  constructor(private readonly options: DeviceWatchOptions) {}

  /**
   * Notes one answer from a device. Returns the answers to flag (this one and, the first time the
   * threshold is reached, the earlier ones of the same device) with the device's group id.
   */
  record(ip: string, userAgent: string, answer: { countyId: string; id: string }, now: number): { group: string; answers: { countyId: string; id: string }[] } | null {
    const key = createHash('sha256').update(`${ip}|${userAgent}`).digest('base64url');
    let e = this.devices.get(key);
    if (!e || now - e.since > this.options.windowMs) {
      e = { group: randomUUID(), since: now, answers: [], flagged: 0 };
      this.devices.set(key, e);
      if (this.devices.size > (this.options.maxDevices ?? 100_000)) this.sweep(now);
    }
    e.answers.push(answer);
    if (e.answers.length < this.options.threshold) return null;
    const fresh = e.answers.slice(e.flagged);
    e.flagged = e.answers.length;
    // Keep only what is needed to count; the flagged ones are in the table now.
    return { group: e.group, answers: fresh };
  }

  private sweep(now: number) {
    for (const [k, e] of this.devices) if (now - e.since > this.options.windowMs) this.devices.delete(k);
  }
}
