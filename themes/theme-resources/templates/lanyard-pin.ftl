<#-- Lanyard "Set a PIN" required action. Uses only template.ftl, so it works under any login theme. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('pin','pinConfirm') displayInfo=true; section>
    <#if section="header">
        ${msg("lanyardPinTitle")}
    <#elseif section="form">
        <form id="kc-lanyard-pin" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#list ["pin", "pinConfirm"] as field>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="${field}" class="${properties.kcLabelClass!}">${msg(field?switch("pin", "lanyardPinLabel", "lanyardPinConfirmLabel"))}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <input id="${field}" name="${field}" type="password" inputmode="numeric" pattern="[0-9]*" autocomplete="off"
                           class="${properties.kcInputClass!}" <#if field == "pin">autofocus="autofocus"</#if>
                           aria-invalid="<#if messagesPerField.existsError(field)>true</#if>"/>
                    <#if messagesPerField.existsError(field)>
                        <span id="input-error-${field}" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get(field))?no_esc}
                        </span>
                    </#if>
                </div>
            </div>
            </#list>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <input id="kc-submit" type="submit" value="${msg("lanyardPinSubmit")}"
                       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"/>
            </div>
        </form>
    <#elseif section="info">
        ${msg("lanyardPinInfo", lanyardPin.minLength, lanyardPin.maxLength)}
    </#if>
</@layout.registrationLayout>
