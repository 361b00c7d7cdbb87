package io.hallwatch.users;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.halls.Staff;
import io.hallwatch.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * What the caller of the current request may see beyond their role: the halls they work for. Roles
 * are checked by the resources' annotations; a resource then asks here about the hall its path, query
 * or body names. A hall the caller does not work in is answered {@code 404} exactly as a hall that does
 * not exist (so nobody learns which other halls there are), and the refusal is recorded in the audit
 * trail. Lists without a hall keep only the caller's halls ({@link #sees}).
 */
@RequestScoped
public class Access {

    /** The staff member and hall whose attendance a request asks for; either may be null. */
    public record Subject(String hall, String staff) {
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;

    public Caller caller() {
        return Caller.of(identity);
    }

    /** Whether the caller works in {@code hall}: a list keeps only such rows. */
    public boolean sees(String hall) {
        return caller().worksIn(hall);
    }

    /** Passes when {@code hall} is null or the caller works in it; otherwise 404 as for an unknown hall. */
    public void hall(String hall) {
        if (hall != null && !sees(hall)) {
            refuse("not in hall", hall);
            throw ProblemException.notFound("hall '" + hall + "' does not exist");
        }
    }

    /**
     * Passes when device {@code id} is of one of the caller's halls; otherwise 404 exactly as for a
     * device that does not exist, so that no one learns another hall's devices.
     */
    public void device(String id, String hall) {
        if (!sees(hall)) {
            refuse("device not in hall", hall);
            throw ProblemException.notFound("device '" + id + "' does not exist");
        }
    }

    /** Passes when {@code staffId} is of one of the caller's halls, or unknown (the service answers 404 then). */
    public void staff(String staffId) {
        String hall = hallOf(staffId);
        if (hall != null && !sees(hall)) {
            refuse("staff not in hall", hall);
            throw ProblemException.notFound("staff member '" + staffId + "' does not exist");
        }
    }

    /** For changes that reach every hall (a new hall, the public holidays): only callers for every hall. */
    public void everyHall(String what) {
        if (!caller().allHalls()) {
            refuse("needs every hall", null);
            throw ProblemException.forbidden(what + " needs an account for every hall (halls [\"*\"])");
        }
    }

    /**
     * The attendance a request may read: managers and admins any of their halls' staff; a person who
     * is only window staff their own days, whatever they asked for (another staff member is 404).
     */
    public Subject attendance(String hall, String staff) {
        Caller caller = caller();
        if (caller.hasAny(Caller.ADMIN, Caller.MANAGER)) {
            hall(blankToNull(hall));
            staff(blankToNull(staff));
            return new Subject(hall, staff);
        }
        String own = caller.staffId();
        boolean other = blankToNull(staff) != null && !staff.trim().equals(own);
        boolean otherHall = blankToNull(hall) != null && !hall.trim().equals(hallOf(own));
        if (own == null || other || otherHall) {
            refuse("not own attendance", blankToNull(hall));
            throw ProblemException.notFound(own == null ? "no staff member is linked to your account (staffId)"
                    : other ? "staff member '" + staff + "' does not exist" : "hall '" + hall + "' does not exist");
        }
        return new Subject(null, own);
    }

    private static String hallOf(String staffId) {
        if (staffId == null) {
            return null;
        }
        Staff staff = QuarkusTransaction.joiningExisting().call(() -> Staff.<Staff>findById(staffId));
        return staff == null ? null : staff.hallId;
    }

    private void refuse(String reason, String hall) {
        RoutingContext current = request.getCurrent();
        String what = current == null ? null : current.request().method().name() + " " + current.request().path();
        refusals.request(caller().username(), audit.address(), what, reason, hall);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
