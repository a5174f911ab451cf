<#-- Lanyard "Answer a security question" required action. Uses only template.ftl, so it works under any login theme. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('questionId','answer') displayInfo=true; section>
    <#if section="header">
        ${msg("lanyardSecurityAnswerTitle")}
    <#elseif section="form">
        <form id="kc-lanyard-security-answer" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="questionId" class="${properties.kcLabelClass!}">${msg("lanyardSecurityAnswerQuestionLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <select id="questionId" name="questionId" class="${properties.kcInputClass!}"
                            aria-invalid="<#if messagesPerField.existsError('questionId')>true</#if>">
                        <#list lanyardQuestions as q>
                            <option value="${q.id}">${q.question}</option>
                        </#list>
                    </select>
                    <#if messagesPerField.existsError('questionId')>
                        <span id="input-error-questionId" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('questionId'))?no_esc}
                        </span>
                    </#if>
                </div>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="answer" class="${properties.kcLabelClass!}">${msg("lanyardSecurityAnswerLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <input id="answer" name="answer" type="password" autocomplete="off" maxlength="256" class="${properties.kcInputClass!}"
                           aria-invalid="<#if messagesPerField.existsError('answer')>true</#if>"/>
                    <#if messagesPerField.existsError('answer')>
                        <span id="input-error-answer" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('answer'))?no_esc}
                        </span>
                    </#if>
                </div>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <input id="kc-submit" type="submit" value="${msg("lanyardSecurityAnswerSubmit")}"
                       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"/>
            </div>
        </form>
    <#elseif section="info">
        ${msg("lanyardSecurityAnswerInfo")}
    </#if>
</@layout.registrationLayout>
