// Owns the sm-crypto functions its published typings (@types/sm-crypto 0.3) leave out: a caller-supplied random and key derivation.
import type { KeyPairHex } from 'sm-crypto';

declare module 'sm-crypto' {
  namespace sm2 {
    /** `random` in `radix` becomes the private key (mod n−1, plus 1), as jsbn's BigInteger(string, radix) reads it. */
    function generateKeyPairHex(random: string, radix: number): KeyPairHex;
    function getPublicKeyFromPrivateKey(privateKey: string): string;
  }
}
