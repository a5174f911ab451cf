<#-- Lanyard email OTP, step 2: the code from the email. Uses only template.ftl, so it works under any login theme. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp') displayInfo=true; section>
    <#if section="header">
        ${msg("lanyardEmailOtpCodeTitle")}
    <#elseif section="form">
        <form id="kc-lanyard-email-otp-code" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="otp" class="${properties.kcLabelClass!}">${msg("lanyardEmailOtpCodeLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <input id="otp" name="otp" type="text" class="${properties.kcInputClass!}" inputmode="numeric"
                           autocomplete="one-time-code" autofocus="autofocus" dir="ltr"
                           maxlength="${lanyardEmailOtp.codeLength + 4}"
                           aria-invalid="<#if messagesPerField.existsError('otp')>true</#if>"/>
                    <#if messagesPerField.existsError('otp')>
                        <span id="input-error-otp" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('otp'))?no_esc}
                        </span>
                    </#if>
                </div>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <input id="kc-login" name="login" type="submit" value="${msg("lanyardEmailOtpSignIn")}"
                       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"/>
            </div>
        </form>
        <form id="kc-lanyard-email-otp-resend" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="resend" value="true"/>
            <div class="${properties.kcFormGroupClass!}">
                <button id="kc-resend" type="submit" class="lanyard-link-button ${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}">
                    ${msg("lanyardEmailOtpResend")}
                </button>
            </div>
        </form>
    <#elseif section="info">
        ${msg("lanyardEmailOtpCodeHelp", lanyardEmailOtp.lifetimeMinutes)}
    </#if>
</@layout.registrationLayout>
