<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardTemporaryPasswordBodyHtml", temporaryPassword, realmName))?no_esc}
</@layout.emailLayout>
