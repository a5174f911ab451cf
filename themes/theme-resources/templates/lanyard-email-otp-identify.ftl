<#-- Lanyard email OTP, step 1: who is signing in. Uses only template.ftl, so it works under any login theme. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username') displayInfo=true; section>
    <#if section="header">
        ${msg("lanyardEmailOtpTitle")}
    <#elseif section="form">
        <form id="kc-lanyard-email-otp-identify" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="username" class="${properties.kcLabelClass!}">${msg("lanyardEmailOtpIdentifierLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <input id="username" name="username" type="text" class="${properties.kcInputClass!}"
                           value="${(lanyardEmailOtp.identifier)!''}" autocomplete="username" autofocus="autofocus" dir="ltr"
                           aria-invalid="<#if messagesPerField.existsError('username')>true</#if>"/>
                    <#if messagesPerField.existsError('username')>
                        <span id="input-error-username" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('username'))?no_esc}
                        </span>
                    </#if>
                </div>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <input id="kc-login" name="login" type="submit" value="${msg("lanyardEmailOtpSendCode")}"
                       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"/>
            </div>
        </form>
    <#elseif section="info">
        ${msg("lanyardEmailOtpIdentifyInfo")}
    </#if>
</@layout.registrationLayout>
