<#ftl output_format="plainText">
${msg("lanyardTemporaryPasswordBody", temporaryPassword, realmName)}
