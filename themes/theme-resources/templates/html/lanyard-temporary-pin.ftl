<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardTemporaryPinBodyHtml", temporaryPin, realmName))?no_esc}
</@layout.emailLayout>
