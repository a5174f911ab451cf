<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("lanyardActivationBodyHtml", link, linkExpirationHours, realmName, siteName))?no_esc}
</@layout.emailLayout>
