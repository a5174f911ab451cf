<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardEmailOtpBodyHtml", code, ttlMinutes, realmName))?no_esc}
</@layout.emailLayout>
