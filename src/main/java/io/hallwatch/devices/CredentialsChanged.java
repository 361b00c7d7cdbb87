package io.hallwatch.devices;

/**
 * Fired inside the transaction that provisions a device, rotates its password or revokes it, so that
 * observers of {@code TransactionPhase.AFTER_SUCCESS} bring the broker in step once the change is
 * committed. {@code password} is the new password in clear (null on revocation): it lives only in
 * memory until the broker has it, and {@link #toString()} never shows it.
 *
 * @param fingerprint {@link DeviceCredentials#fingerprint} of the new credential hash (null on revocation)
 */
public record CredentialsChanged(Change change, String deviceId, String hall, DeviceKind kind, String password,
        String fingerprint) {

    /** What happened to the device's credentials. */
    public enum Change {
        PROVISIONED, ROTATED, REVOKED
    }

    @Override
    public String toString() {
        return change + " " + deviceId + " (" + kind.wire() + " in hall " + hall + ")";
    }
}
