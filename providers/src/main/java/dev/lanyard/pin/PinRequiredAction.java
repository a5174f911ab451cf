package dev.lanyard.pin;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** The page of {@value PinRequiredActionFactory#ID}: a new PIN, typed twice, under the realm's PIN policy. */
final class PinRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "lanyard-pin.ftl";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only asked for (account console, admin); a PIN is never forced on everyone.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = form.getFirst("pin");
        String confirm = form.getFirst("pinConfirm");
        PinPolicy policy = PinRequiredActionFactory.policy(context.getRealm());
        PinCredentialProvider pins = PinCredentialProvider.of(context.getSession());
        if (pin == null || pin.isEmpty()) {
            context.challenge(page(context, new FormMessage("pin", "lanyardPinMissing")));
            return;
        }
        List<PinPolicy.Rule> broken = policy.broken(pin);
        if (broken.isEmpty() && pins.inHistory(context.getRealm(), context.getUser(), pin, policy)) {
            broken = List.of(PinPolicy.Rule.HISTORY);
        }
        if (!broken.isEmpty()) {
            PinPolicy.Rule rule = broken.get(0);
            FormMessage message = rule == PinPolicy.Rule.LENGTH
                    ? new FormMessage("pin", rule.messageKey(), policy.minLength(), policy.maxLength()) : new FormMessage("pin", rule.messageKey());
            context.challenge(page(context, message));
            return;
        }
        if (!pin.equals(confirm)) {
            context.challenge(page(context, new FormMessage("pinConfirm", "lanyardPinMismatch")));
            return;
        }
        pins.set(context.getRealm(), context.getUser(), pin, false, policy);
        PinLockout.unlock(context.getSession(), context.getRealm(), context.getUser());
        context.success();
    }

    private static Response page(RequiredActionContext context, FormMessage error) {
        PinPolicy policy = PinRequiredActionFactory.policy(context.getRealm());
        LoginFormsProvider form = context.form().setAttribute("lanyardPin", Map.of("minLength", policy.minLength(), "maxLength", policy.maxLength()));
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
