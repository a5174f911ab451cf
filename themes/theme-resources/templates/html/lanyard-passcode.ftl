<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardPasscodeBodyHtml", code, ttlMinutes, realmName))?no_esc}
</@layout.emailLayout>
