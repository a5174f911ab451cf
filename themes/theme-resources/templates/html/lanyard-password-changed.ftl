<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardPasswordChangedBodyHtml", realmName))?no_esc}
</@layout.emailLayout>
