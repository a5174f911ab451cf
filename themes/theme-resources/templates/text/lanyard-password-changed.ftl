<#ftl output_format="plainText">
${msg("lanyardPasswordChangedBody", realmName)}
