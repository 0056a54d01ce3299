/** GraphQL documents the tests share, named after what a client does. */
export const DEPLOY = `mutation Deploy($xml: String!, $name: String!) {
  deployProcess(xml: $xml, name: $name) { created definition { id key version } } }`;

export const START = `mutation Start($key: String!, $businessKey: String, $variables: JSONObject, $tenantId: String) {
  startProcess(key: $key, businessKey: $businessKey, variables: $variables, tenantId: $tenantId) {
    id status activeElementIds definitionVersion tenantId } }`;

export const INBOX = `query Inbox($filter: TaskFilterInput, $first: Int, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name elementId instanceId assignee status dueAt createdAt candidateGroups } } } }`;

export const TASK = `query Task($id: ID!) {
  task(id: $id) { id name status assignee elementId caseData output
    form { id label type required readonly options { id name } constraints { minlength maxlength min max } } } }`;

export const CLAIM = `mutation Claim($id: ID!) { claimTask(id: $id) { id assignee } }`;
export const UNCLAIM = `mutation Unclaim($id: ID!) { unclaimTask(id: $id) { id assignee } }`;
export const ASSIGN = `mutation Assign($id: ID!, $userId: String!) { assignTask(id: $id, userId: $userId) { id assignee } }`;
export const COMPLETE = `mutation Complete($id: ID!, $values: JSONObject) { completeTask(id: $id, values: $values) { id status completedBy } }`;

export const INSTANCE = `query Instance($id: ID!) {
  processInstance(id: $id) { id status processKey definitionVersion activeElementIds variables bpmnXml
    history { elementId elementName kind actor at } openTasks { id elementId } } }`;

export const CORRELATE = `mutation Correlate($name: String!, $businessKey: String!, $variables: JSONObject) {
  correlateMessage(name: $name, businessKey: $businessKey, variables: $variables) { id status activeElementIds } }`;
