/**
 * A customer-portal login belongs to one customer: the users-permissions user gets a `customer`
 * relation. Added here (the Strapi 5 extension hook) rather than by copying the plugin's schema.
 * Registration cannot set it (users-permissions only accepts `register.allowedFields`).
 */
export default (plugin: any) => {
  plugin.contentTypes.user.schema.attributes.customer = {
    type: 'relation',
    relation: 'manyToOne',
    target: 'api::customer.customer',
  };
  return plugin;
};
