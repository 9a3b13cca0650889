// The sealed form of an answer while it waits in the ballot box: AES-256-GCM
// under a key derived from TOKEN_SECRET, which the database never holds. A
// reader of the database sees a box row's cell and nothing else.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What the mixer writes to `responses` for one submission. */
export type Ballot = {
  /**
   * The link's token hash (hex), sealed with the answers so that the mixer
   * re-stamps exactly its batch's invitations; never stored in clear. Ballots
   * sealed before it carried the invitation's id instead.
   */
  linkHash?: string;
  invitationId?: string;
  formCode: string;
  answers: unknown;
  secondsSpent: number | null;
  ipHash: string;
  netHash: string;
  uaHash: string;
  deviceKey: string | null;
  jsEnabled: boolean;
  formLoaded: boolean;
};

export type BallotSealer = ReturnType<typeof createBallotSealer>;

export function createBallotSealer(secret: string) {
  const key = createHmac('sha256', secret).update('survey:ballot-box').digest();
  return {
    seal(ballot: Ballot): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(ballot), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed: Buffer): Ballot {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as Ballot;
    },
  };
}
