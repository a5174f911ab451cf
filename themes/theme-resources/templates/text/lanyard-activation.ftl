<#ftl output_format="plainText">
${msg("lanyardActivationBody", link, linkExpirationHours, realmName, siteName)}
